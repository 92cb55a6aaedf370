package dev.iamgate.bench;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;

/**
 * A read-only {@link HttpServletRequest} for benchmarks only: no container runs inside a JMH fork,
 * and the filter's per-request code needs a request to read. It answers exactly what the firewall,
 * {@code TrustedProxies} and {@code RequestContextFactory} read (method, URI, context path, remote
 * address, {@code isSecure}, headers) from plain fields, so it adds no allocation and almost no time
 * to what it stands in for. Any other method throws {@link UnsupportedOperationException} naming
 * itself, so a filter that starts reading more fails the benchmark loudly instead of measuring a
 * default.
 *
 * <p>Built as an {@link HttpServletRequestWrapper} (whose overridden methods are plain virtual
 * calls) around a {@link Proxy} that refuses everything: the proxy is only reached by the methods
 * this class does not answer. Not a model of any container: real containers parse and look headers
 * up differently, which the HTTP harness, not this class, is for.
 */
final class StubRequest extends HttpServletRequestWrapper {

    private static final HttpServletRequest UNSUPPORTED = (HttpServletRequest) Proxy.newProxyInstance(
            StubRequest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                throw new UnsupportedOperationException(
                        "StubRequest does not implement HttpServletRequest." + method.getName());
            });

    private final String method;
    private final String requestUri;
    private final String contextPath;
    private final String remoteAddr;
    private final boolean secure;
    private final Map<String, String> headers;

    StubRequest(String method, String requestUri, String contextPath, String remoteAddr, boolean secure,
            Map<String, String> headers) {
        super(UNSUPPORTED);
        this.method = method;
        this.requestUri = requestUri;
        this.contextPath = contextPath;
        this.remoteAddr = remoteAddr;
        this.secure = secure;
        // header names are case-insensitive, as in every container
        TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        this.headers = Collections.unmodifiableMap(byName);
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getRequestURI() {
        return requestUri;
    }

    @Override
    public String getContextPath() {
        return contextPath;
    }

    @Override
    public String getRemoteAddr() {
        return remoteAddr;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getHeader(String name) {
        return headers.get(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String value = headers.get(name);
        return Collections.enumeration(value == null ? Collections.emptyList() : Collections.singletonList(value));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(headers.keySet());
    }
}
