package dev.marginalia.notes.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A daemon thread that runs one loop while it is running: the loop asks {@link #isRunning()} and ends when told to
 * stop, which waits for it up to a limit (it is never interrupted: H2 closes its file when a thread reading it is).
 */
final class BackgroundThread {

	private final String name;

	private final Duration stopWait;

	private volatile boolean running;

	private @Nullable Thread thread;

	BackgroundThread(String name, Duration stopWait) {
		this.name = name;
		this.stopWait = stopWait;
	}

	void start(Runnable loop) {
		running = true;
		Thread started = new Thread(loop, name);
		started.setDaemon(true);
		started.start();
		thread = started;
	}

	/** Tells the loop to end, and waits for it up to the limit. */
	void stop() {
		stop(() -> { });
	}

	/** Tells the loop to end, wakes it (if it waits for something), and waits for it up to the limit. */
	void stop(Runnable wake) {
		running = false;
		wake.run();
		Thread stopping = thread;
		if (stopping != null) {
			try {
				stopping.join(stopWait.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	boolean isRunning() {
		return running;
	}

}
