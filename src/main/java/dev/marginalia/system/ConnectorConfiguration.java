package dev.marginalia.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * How much of a response Tomcat hands the socket in one write ({@code marginalia.server.socket-write-buffer},
 * Tomcat's {@code socket.appWriteBufSize}, 8 KB by default). The article page is about 200 KB without compression:
 * written 8 KB at a time it leaves in segments far under loopback's (or a LAN's jumbo) segment size, which the
 * reader's TCP stack may acknowledge only after its delayed-ACK timer (40 ms on Linux) once the sender's window is
 * full; handed over in writes of 64 KB (loopback's largest segment) it leaves in full segments, acknowledged at
 * once, as nginx's sendfile sends it. Larger writes gain nothing more and cost memory: Tomcat keeps a buffer of this
 * size for every connection, and the JDK a direct copy of it for every request thread (256 KB: ~15 MB of native
 * memory after the benchmark's load, and an open-loop p99 of 19 ms against 10-13 ms with 64 KB, A/B in one run).
 */
@Configuration(proxyBeanMethods = false)
class ConnectorConfiguration {

	@Bean
	TomcatConnectorCustomizer socketWriteBuffer(
			@Value("${marginalia.server.socket-write-buffer:64KB}") DataSize writeBuffer) {
		return connector -> connector.setProperty("socket.appWriteBufSize", Long.toString(writeBuffer.toBytes()));
	}

}
