package io.datagraph.testing;

import io.datagraph.engine.config.EngineConfig;

import java.util.Optional;

/** Engine configuration pointing at one test server (never a Cluster); subclasses add how to log in. */
public abstract class SingleStoreConfig extends EngineConfig {

    /** The server this node uses. */
    protected abstract RedisServer server();

    @Override
    public String redisUrl() {
        return server().url();
    }

    @Override
    public Optional<String> clusterNodes() {
        return Optional.empty();
    }
}
