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
 * full; handed over in one write it leaves in full segments, acknowledged at once, as nginx's sendfile sends it.
 */
@Configuration(proxyBeanMethods = false)
class ConnectorConfiguration {

	@Bean
	TomcatConnectorCustomizer socketWriteBuffer(
			@Value("${marginalia.server.socket-write-buffer:256KB}") DataSize writeBuffer) {
		return connector -> connector.setProperty("socket.appWriteBufSize", Long.toString(writeBuffer.toBytes()));
	}

}
