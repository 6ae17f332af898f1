package io.portage.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Loopback port helpers: free ports for tests, and a per-checkout port base so two checkouts never collide. */
public final class Ports {

    public static final String LOOPBACK = "127.0.0.1";
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private Ports() {
    }

    /**
     * A port that was free on loopback a moment ago, and not one this JVM has handed out before: the kernel may offer a
     * just-closed port again, and two services given the same port before either binds it collide (it happened in CI).
     */
    public static synchronized int free() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No loopback port left that was not handed out before");
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The launcher's port base: {@code PORTAGE_PORT_BASE} when set, otherwise derived from the checkout's path
     * (a multiple of 100 between 20000 and 59900), so two checkouts on one machine pick different ports.
     */
    public static int base(Path checkout) {
        String configured = System.getenv("PORTAGE_PORT_BASE");
        if (configured != null && !configured.isBlank()) {
            return Integer.parseInt(configured.trim());
        }
        int slot = Math.floorMod(checkout.toAbsolutePath().normalize().toString().hashCode(), 400);
        return 20000 + slot * 100;
    }
}
