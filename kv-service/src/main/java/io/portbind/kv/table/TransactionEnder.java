package io.portbind.kv.table;

/**
 * Ends a client's open transaction and forgets its watched keys: what DISCARD, RESET and a refused EXEC share.
 * The transactions feature provides it, so that the dispatcher can abort a transaction without knowing how
 * watched keys are kept.
 */
@FunctionalInterface
public interface TransactionEnder {

    void discard(Session session);
}
