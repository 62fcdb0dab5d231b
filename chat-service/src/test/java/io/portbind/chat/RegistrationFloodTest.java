package io.portbind.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.parts.Localpart;

/**
 * In-band registration from one network is limited to a few accounts at a time. Loopback, where the tests run,
 * is trusted by default and never limited; here nobody is trusted.
 */
class RegistrationFloodTest {

    @RegisterExtension
    static final ChatServerExtension chat = ChatServerExtension.with(Map.of("CHAT_TRUSTED_NETWORKS", "none"));

    @RegisterExtension
    static final ChatServerExtension trustingLoopback = ChatServerExtension.withAccounts();

    @Test
    void eveRegistersThreeAccountsInARow_herFourthIsAPolicyViolation_evenFromANewConnection() throws Exception {
        AccountManager accounts = AccountManager.getInstance(chat.anonymous());
        for (String name : new String[] {"eve1", "eve2", "eve3"}) {
            accounts.createAccount(Localpart.from(name), "apple");
        }

        XMPPErrorException refused = assertThrows(XMPPErrorException.class, () -> AccountManager
                .getInstance(chat.anonymous()).createAccount(Localpart.from("eve4"), "apple"));
        assertEquals(StanzaError.Condition.policy_violation, refused.getStanzaError().getCondition());
        assertEquals(StanzaError.Type.WAIT, refused.getStanzaError().getType());
    }

    @Test
    void aTestFrameworkOnLoopbackCreatesTenAccountsInARow_underTheDefaultTrustedNetworks() throws Exception {
        AccountManager accounts = AccountManager.getInstance(trustingLoopback.anonymous());
        for (int i = 1; i <= 10; i++) {
            accounts.createAccount(Localpart.from("tester" + i), "apple");
        }
        trustingLoopback.login("tester10", "apple", "check");
    }
}
