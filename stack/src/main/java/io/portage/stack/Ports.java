package io.portage.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/** Loopback port helpers: free ports for tests, and a per-checkout port base so two checkouts never collide. */
public final class Ports {

    public static final String LOOPBACK = "127.0.0.1";
    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    /** The lowest port handed out: above the well-known and most registered services' ports. */
    private static final int LOWEST = 15000;
    /** Linux's default ephemeral range starts here (macOS: 49152). */
    private static final int DEFAULT_EPHEMERAL_START = 32768;
    private static final int EPHEMERAL_START = ephemeralStart();
    private static final Random RANDOM = new Random();

    private Ports() {
    }

    /**
     * A port that was free on loopback a moment ago, below the kernel's ephemeral range, and not one this JVM has
     * handed out before. Below the ephemeral range: a port from it (what {@code new ServerSocket(0)} gives) can be taken
     * by any process's outgoing connection before the service it was meant for binds it (Keycloak lost its port that
     * way in CI). Not handed out before: two services given the same port before either binds it collide.
     */
    public static synchronized int free() {
        int high = EPHEMERAL_START - 1;
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = LOWEST + RANDOM.nextInt(high - LOWEST + 1);
            if (!HANDED_OUT.contains(port) && isFree(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("No free loopback port between " + LOWEST + " and " + high);
    }

    /** The first port of the kernel's ephemeral range (Linux: /proc/sys/net/ipv4/ip_local_port_range). */
    private static int ephemeralStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int start = Integer.parseInt(range.split("\\s+")[0]);
            return start > LOWEST + 1000 ? start : DEFAULT_EPHEMERAL_START;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_START;
        }
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
     * (a multiple of 100 between 20000 and 32600), so two checkouts on one machine pick different ports. Below the
     * kernel's ephemeral range (32768 up), where any outgoing connection could take a port before its service binds it.
     */
    public static int base(Path checkout) {
        String configured = System.getenv("PORTAGE_PORT_BASE");
        if (configured != null && !configured.isBlank()) {
            return Integer.parseInt(configured.trim());
        }
        int slot = Math.floorMod(checkout.toAbsolutePath().normalize().toString().hashCode(), 127);
        return 20000 + slot * 100;
    }
}
