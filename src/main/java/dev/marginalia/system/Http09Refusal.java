package dev.marginalia.system;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Refuses HTTP/0.9. Tomcat 11 still takes a request line without a version ({@code GET /}) as HTTP/0.9 and answers
 * it with the bare body (the article page, with no status line and none of the security headers), and has no
 * connector setting to turn that off (it only refuses methods other than GET there). A valve, first on the engine,
 * ahead of every filter, answers such a request with nothing: Tomcat writes no status line or headers for HTTP/0.9,
 * so no body means no byte at all, and the connection closes (HTTP/0.9 has no keep-alive). The 400 is what the
 * access log and metrics see.
 */
@Component
class Http09Refusal implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addEngineValves(new RefuseHttp09());
	}

	/** Passes on every request that names its version; HTTP/0.9 (an empty protocol) gets an empty 400. */
	static final class RefuseHttp09 extends ValveBase {

		RefuseHttp09() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			if (request.getProtocol().isEmpty()) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				return;
			}
			getNext().invoke(request, response);
		}

	}

}
