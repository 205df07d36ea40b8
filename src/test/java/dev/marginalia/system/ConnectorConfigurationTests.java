package dev.marginalia.system;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** The connector hands a response to the socket in writes as large as the setting says (Tomcat's is 8 KB). */
class ConnectorConfigurationTests {

	@Test
	void theSocketWriteBufferIsTheSettingNotTomcatsEightKilobytes() {
		Connector tomcatDefault = new Connector();
		Connector configured = new Connector();

		new ConnectorConfiguration().socketWriteBuffer(DataSize.ofKilobytes(256)).customize(configured);

		assertThat(tomcatDefault.getProperty("socket.appWriteBufSize")).isEqualTo("8192");
		assertThat(configured.getProperty("socket.appWriteBufSize")).isEqualTo("262144");
	}

}
