package io.portage.edge;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The agent's entry point: {@code java -jar quarkus-run.jar} runs the agent, {@code java -jar quarkus-run.jar keys ...}
 * manages its keys file and exits, without starting the agent or needing the uplink.
 */
@QuarkusMain
public final class EdgeAgentMain {

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals(KeysCommand.NAME)) {
            System.exit(KeysCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out,
                    System.err));
        }
        Quarkus.run(args);
    }
}
