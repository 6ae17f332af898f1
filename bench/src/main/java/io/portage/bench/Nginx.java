package io.portage.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.portage.stack.ManagedProcess;
import io.portage.stack.Ports;

/**
 * Debian's nginx as a plain reverse proxy in front of one service, the yardstick for what a proxy hop costs: started in
 * the foreground with a configuration written here (its own prefix, port, logs and temp directories, no system
 * service), upstream connections kept alive, stopped with the benchmark.
 */
final class Nginx implements AutoCloseable {

    private final ManagedProcess process;
    private final int port;

    private Nginx(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts nginx on a free port proxying every request to {@code 127.0.0.1:upstreamPort}. */
    static Nginx proxying(Path dir, int upstreamPort) {
        int port = Ports.free();
        Path binary = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/local/sbin/nginx"))
                .stream()
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No nginx: apt-get install -y nginx"));
        try {
            Files.createDirectories(dir.resolve("temp"));
            Files.writeString(dir.resolve("nginx.conf"), """
                    daemon off;
                    worker_processes auto;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log warn;
                    events { worker_connections 1024; }
                    http {
                        access_log off;
                        client_body_temp_path %1$s/temp/body;
                        proxy_temp_path %1$s/temp/proxy;
                        fastcgi_temp_path %1$s/temp/fastcgi;
                        uwsgi_temp_path %1$s/temp/uwsgi;
                        scgi_temp_path %1$s/temp/scgi;
                        upstream service { server 127.0.0.1:%2$d; keepalive 32; }
                        server {
                            listen 127.0.0.1:%3$d;
                            location / {
                                proxy_pass http://service;
                                proxy_http_version 1.1;
                                proxy_set_header Connection "";
                                proxy_set_header Host $host;
                            }
                        }
                    }
                    """.formatted(dir.toAbsolutePath(), upstreamPort, port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ManagedProcess process = ManagedProcess.start("nginx",
                List.of(binary.toString(), "-p", dir.toAbsolutePath().toString(), "-c",
                        dir.resolve("nginx.conf").toAbsolutePath().toString()),
                Map.of(), dir, dir.resolve("nginx.out"), dir.resolve("nginx.launcher.pid"), false);
        process.awaitReady("nginx on port " + port, () -> Ports.isOpen(port), Duration.ofSeconds(20));
        return new Nginx(process, port);
    }

    long pid() {
        return process.pid();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(10));
    }
}
