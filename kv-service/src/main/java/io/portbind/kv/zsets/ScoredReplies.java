package io.portbind.kv.zsets;

import io.portbind.kv.resp.Reply;
import io.portbind.kv.zsets.ScoreSkipList.Node;
import java.util.List;

/** Sorted-set replies: members alone, or with scores (flat pairs in RESP2, [member, score] arrays in RESP3). */
final class ScoredReplies {

    private ScoredReplies() {
    }

    /** The members of {@code nodes} in order as an array reply, with their scores when {@code withScores} says. */
    static void nodes(Reply reply, List<Node> nodes, WithScores withScores) {
        if (withScores == WithScores.NO) {
            reply.array(nodes.size());
            for (Node node : nodes) {
                reply.bulk(node.member());
            }
            return;
        }
        reply.array(reply.isResp3() ? nodes.size() : nodes.size() * 2);
        for (Node node : nodes) {
            pair(reply, node.member(), node.score());
        }
    }

    /** One member and its score: a two-element array in RESP3, two bulk strings in RESP2. */
    static void pair(Reply reply, byte[] member, double score) {
        if (reply.isResp3()) {
            reply.array(2);
        }
        reply.bulk(member);
        reply.doubleValue(score);
    }
}
