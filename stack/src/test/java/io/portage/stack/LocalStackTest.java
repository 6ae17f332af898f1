package io.portage.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

import io.portage.contracts.Topics;

class LocalStackTest {

    @Test
    void startsRealServersAndStopsThemAll() throws Exception {
        LocalStack stack = LocalStack.forTests(Path.of("target/stack-test"), false);
        List<ManagedProcess> processes;
        try (stack) {
            stack.start(List.of("orders", "yard"));
            processes = stack.processes();
            assertThat(processes).extracting(ManagedProcess::name).containsExactly("postgres", "kafka");
            assertThat(processes).allMatch(ManagedProcess::isAlive);
            assertThat(Ports.isOpen(stack.kafka().port())).isTrue();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    "127.0.0.1:" + stack.kafka().port()))) {
                Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames().get();
                assertThat(topics).containsOnlyKeys(Topics.ALL);
                assertThat(topics.values()).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(Topics.PARTITIONS));
            }

            try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl("yard"), PostgresServer.USER, "");
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("show server_version")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).startsWith("17.");
            }
        }
        assertThat(processes).noneMatch(ManagedProcess::isAlive);
        assertThat(Ports.isOpen(stack.kafka().port())).isFalse();
    }

    @Test
    void restartKeepsDataAndCreatingDatabasesIsIdempotent() {
        LocalStack first = LocalStack.forTests(Path.of("target/stack-restart"), false);
        int pgPort;
        try (first) {
            first.start(List.of("orders"));
            pgPort = first.postgres().port();
        }
        PostgresServer again = new PostgresServer(PortageHome.locate().cache(), StackVersions.load(),
                Path.of("target/stack-restart/postgres"), pgPort);
        ManagedProcess server = again.start(java.time.Duration.ofSeconds(30));
        try {
            again.createDatabases(List.of("orders", "finance"));
        } finally {
            server.stop(java.time.Duration.ofSeconds(10));
        }
        assertThat(server.isAlive()).isFalse();
    }
}
