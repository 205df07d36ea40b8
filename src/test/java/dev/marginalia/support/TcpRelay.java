package dev.marginalia.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * A plain TCP relay from a local port to a server (the PostgreSQL of the tests), which a test can cut and restore, as
 * a database that goes away and comes back: while it is cut, connecting to its port is refused and every connection
 * it carried is broken. The port stays the same, so the application's JDBC URL names it throughout. It starts cut:
 * {@link #open()} lets connections through.
 */
public final class TcpRelay implements AutoCloseable {

	private final InetSocketAddress target;

	private final int port;

	private final Set<Socket> carried = ConcurrentHashMap.newKeySet();

	private @Nullable ServerSocket listening;

	private TcpRelay(InetSocketAddress target, int port) {
		this.target = target;
		this.port = port;
	}

	/** @return a relay to the server, on a free local port, not accepting yet */
	public static TcpRelay to(InetSocketAddress target) throws IOException {
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return new TcpRelay(target, probe.getLocalPort());
		}
	}

	public int port() {
		return port;
	}

	/** Accepts connections again and relays each to the server. */
	public synchronized void open() throws IOException {
		if (listening != null) {
			return;
		}
		ServerSocket server = new ServerSocket();
		server.setReuseAddress(true);
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		listening = server;
		daemon("relay-accept-" + port, () -> accept(server));
	}

	/** Stops accepting (connecting is refused) and breaks every connection relayed so far. */
	public synchronized void cut() {
		ServerSocket server = listening;
		listening = null;
		if (server != null) {
			closeQuietly(server);
		}
		List.copyOf(carried).forEach(TcpRelay::closeQuietly);
		carried.clear();
	}

	@Override
	public void close() {
		cut();
	}

	private void accept(ServerSocket server) {
		while (!server.isClosed()) {
			Socket client;
			try {
				client = server.accept();
			}
			catch (IOException ex) {
				return; // cut
			}
			Socket upstream = new Socket();
			try {
				upstream.connect(target, 2_000);
			}
			catch (IOException ex) {
				closeQuietly(client);
				closeQuietly(upstream);
				continue;
			}
			synchronized (this) {
				if (listening != server) { // cut meanwhile: this one is broken too
					closeQuietly(client);
					closeQuietly(upstream);
					return;
				}
				carried.add(client);
				carried.add(upstream);
			}
			daemon("relay-up-" + port, () -> pump(client, upstream));
			daemon("relay-down-" + port, () -> pump(upstream, client));
		}
	}

	private void pump(Socket from, Socket to) {
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			in.transferTo(out);
		}
		catch (IOException ex) {
			// broken: by a cut, or by either end
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			carried.remove(from);
			carried.remove(to);
		}
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

}
