package io.portbind.chat.cluster;

/**
 * The store keys and pub/sub channels through which the nodes of one server find each other, under the same
 * prefix as the rest of the chat-service's state. A node's keys carry its id as a hash tag, so that in a Redis
 * Cluster they sit in one slot.
 */
final class ClusterKeys {

    private final String prefix;

    ClusterKeys(String prefix) {
        this.prefix = prefix;
    }

    /** A set: the ids of the nodes that have joined and not yet been seen to leave. */
    String nodes() {
        return prefix + "nodes";
    }

    /** A string with an expiry, renewed by the node's heartbeat: while it exists, the node lives. */
    String alive(String node) {
        return prefix + "node:{" + node + "}:alive";
    }

    /** A hash: full JID to {@link ClusterMessages#entry} for each resource bound on the node. */
    String resources(String node) {
        return prefix + "node:{" + node + "}:resources";
    }

    /** A string with an expiry: which node is announcing a dead node's departure. */
    String reaper(String node) {
        return prefix + "node:{" + node + "}:reaper";
    }

    /** The channel every node hears: resources bound, changed and gone, nodes gone. */
    String broadcast() {
        return prefix + "cluster";
    }

    /** The node's own channel: stanzas for its sessions, and the ends of sessions. */
    String inbox(String node) {
        return prefix + "node:" + node;
    }
}
