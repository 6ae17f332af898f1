package io.portage.bench;

import java.lang.reflect.Type;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.FaultTolerance;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.faulttolerance.api.Spi;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.faulttolerance.apiimpl.BasicCircuitBreakerMaintenanceImpl;
import io.smallrye.faulttolerance.apiimpl.BuilderEagerDependencies;
import io.smallrye.faulttolerance.apiimpl.BuilderLazyDependencies;
import io.smallrye.faulttolerance.apiimpl.FaultToleranceImpl;
import io.smallrye.faulttolerance.apiimpl.GuardImpl;
import io.smallrye.faulttolerance.apiimpl.TypedGuardImpl;
import io.smallrye.faulttolerance.core.event.loop.EventLoop;
import io.smallrye.faulttolerance.core.metrics.MetricsProvider;
import io.smallrye.faulttolerance.core.metrics.MetricsRecorder;
import io.smallrye.faulttolerance.core.timer.ThreadTimer;
import io.smallrye.faulttolerance.core.timer.Timer;

/**
 * SmallRye Fault Tolerance's programmatic API ({@code Guard}) outside a CDI container, so the benchmarks can build the
 * odoo-connector's {@code OdooClient} without starting Quarkus (the CDI implementation only applies inside one).
 */
public final class StandaloneFaultTolerance implements Spi {

    private static final BasicCircuitBreakerMaintenanceImpl MAINTENANCE = new BasicCircuitBreakerMaintenanceImpl();
    private static final BuilderEagerDependencies EAGER = () -> MAINTENANCE;
    private static final BuilderLazyDependencies LAZY = new Lazy();

    private static final class Lazy implements BuilderLazyDependencies {

        private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fault-tolerance");
            thread.setDaemon(true);
            return thread;
        });
        private final Timer timer = new ThreadTimer(executor);
        private final MetricsProvider metrics = new MetricsProvider() {

            @Override
            public boolean isEnabled() {
                return false;
            }

            @Override
            public MetricsRecorder create(io.smallrye.faulttolerance.core.metrics.MeteredOperation operation) {
                return MetricsRecorder.NOOP;
            }
        };

        @Override
        public boolean ftEnabled() {
            return true;
        }

        @Override
        public ExecutorService asyncExecutor() {
            return executor;
        }

        @Override
        public EventLoop eventLoop() {
            return EventLoop.get();
        }

        @Override
        public Timer timer() {
            return timer;
        }

        @Override
        public MetricsProvider metricsProvider() {
            return metrics;
        }
    }

    @Override
    public boolean applies() {
        return true;
    }

    @Override
    public int priority() {
        return 1;
    }

    @Override
    public Guard.Builder newGuardBuilder() {
        return new GuardImpl.BuilderImpl(EAGER, () -> LAZY);
    }

    @Override
    public <T> TypedGuard.Builder<T> newTypedGuardBuilder(Type type) {
        return new TypedGuardImpl.BuilderImpl<>(EAGER, () -> LAZY, type);
    }

    @Override
    public <T, R> FaultTolerance.Builder<T, R> newBuilder(Function<FaultTolerance<T>, R> finisher) {
        return new FaultToleranceImpl.BuilderImpl<>(EAGER, () -> LAZY, null, finisher);
    }

    @Override
    public <T, R> FaultTolerance.Builder<T, R> newAsyncBuilder(Class<?> asyncType,
            Function<FaultTolerance<T>, R> finisher) {
        return new FaultToleranceImpl.BuilderImpl<>(EAGER, () -> LAZY, asyncType, finisher);
    }

    @Override
    public CircuitBreakerMaintenance circuitBreakerMaintenance() {
        return MAINTENANCE;
    }
}
