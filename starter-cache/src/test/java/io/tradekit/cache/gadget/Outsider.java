package io.tradekit.cache.gadget;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A class outside the allow-list whose construction is observable: a stand-in for a
 * deserialization gadget.
 */
public class Outsider {

    public static final AtomicInteger CONSTRUCTED = new AtomicInteger();

    private String text;

    public Outsider() {
        CONSTRUCTED.incrementAndGet();
    }

    public Outsider(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
