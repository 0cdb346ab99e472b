package kz.shagym.clock;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Whoever keeps a clock of its own (the embedded engine) moves it when the application clock moves. */
@Component
public class ClockListeners {

    public interface Listener {
        void clockAdvanced(Duration by);
    }

    private final ObjectProvider<Listener> listeners;

    ClockListeners(ObjectProvider<Listener> listeners) {
        this.listeners = listeners;
    }

    void clockAdvanced(Duration by) {
        listeners.orderedStream().forEach(l -> l.clockAdvanced(by));
    }
}
