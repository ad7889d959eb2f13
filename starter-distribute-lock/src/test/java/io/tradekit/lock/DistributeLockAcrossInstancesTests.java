package io.tradekit.lock;

/** The across-instances contract on the dev-services Redis (one node), which dev-services configures itself. */
class DistributeLockAcrossInstancesTests extends DistributeLockAcrossInstancesContract {

    @Override
    String[] redisProperties() {
        return new String[0];
    }
}
