package io.tradekit.sample.nft.order;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;

/**
 * Counts the Dubbo calls this JVM's consumers make from web request threads (Tomcat's {@code http-nio-*}),
 * whatever the protocol (injvm or remote): what a test reads to prove that a request made none. Background
 * work (message consumers, jobs) runs on other threads and is not counted. Registered for every consumer
 * of the test JVM through {@code META-INF/dubbo/org.apache.dubbo.rpc.Filter}.
 */
@Activate(group = CommonConstants.CONSUMER)
public class DubboCallCounter implements Filter {

    private static final AtomicLong WEB_CALLS = new AtomicLong();

    /** Consumer calls made so far from web request threads. */
    public static long webCalls() {
        return WEB_CALLS.get();
    }

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        if (Thread.currentThread().getName().startsWith("http-nio-")) {
            WEB_CALLS.incrementAndGet();
        }
        return invoker.invoke(invocation);
    }
}
