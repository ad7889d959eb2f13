package io.tradekit.cache.gadget;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

/** A Java-serializable class whose readObject is observable: a Java-deserialization gadget stand-in. */
public class SerializableOutsider implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final AtomicInteger READ = new AtomicInteger();

    public String text = "gadget";

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        READ.incrementAndGet();
    }
}
