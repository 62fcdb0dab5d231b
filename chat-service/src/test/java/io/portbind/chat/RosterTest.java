package io.portbind.chat;

import static io.portbind.chat.Eventually.assertEventually;
import static io.portbind.chat.SubscriptionTest.befriend;
import static io.portbind.chat.SubscriptionTest.entry;
import static io.portbind.chat.SubscriptionTest.type;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jivesoftware.smack.filter.PresenceTypeFilter;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket.ItemType;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.impl.JidCreate;

/** Roster management from Smack: adding, naming, grouping, removing, with pushes reaching every resource. */
class RosterTest {

    @RegisterExtension
    static final ChatServerExtension chat = ChatServerExtension.withAccounts("romeo:r", "friar:f", "juliet:j");

    @Test
    void romeoAddsTheFriarOnHisPhone_hisLaptopSeesItToo_thenHeRemovesHim() throws Exception {
        XMPPTCPConnection phone = chat.login("romeo", "r", "phone");
        XMPPTCPConnection laptop = chat.login("romeo", "r", "laptop");

        Roster.getInstanceFor(phone).createItem(JidCreate.bareFrom("friar@localhost"), "Friar Laurence",
                new String[] {"Church"});
        assertEventually("both resources have the friar", () -> entry(laptop, "friar@localhost") != null
                && entry(phone, "friar@localhost") != null);
        assertEquals("Friar Laurence", entry(laptop, "friar@localhost").getName());
        assertEquals("Church", entry(laptop, "friar@localhost").getGroups().get(0).getName());
        assertEquals(ItemType.none, type(laptop, "friar@localhost"));

        Roster.getInstanceFor(phone).removeEntry(entry(phone, "friar@localhost"));
        assertEventually("the laptop no longer has the friar", () -> entry(laptop, "friar@localhost") == null);
    }

    @Test
    void julietRemovesRomeo_romeoLosesTheSubscriptionBothWays_andJulietHearsHimGo() throws Exception {
        XMPPTCPConnection juliet = chat.login("juliet", "j", "tomb");
        XMPPTCPConnection romeo = chat.login("romeo", "r", "tomb");
        befriend(juliet, "juliet@localhost", romeo, "romeo@localhost");
        Inbox<Presence> romeoHearsUnsubscribed = Inbox.of(romeo, PresenceTypeFilter.UNSUBSCRIBED);
        Inbox<Presence> julietHearsGone = Inbox.of(juliet, PresenceTypeFilter.UNAVAILABLE);

        Roster.getInstanceFor(juliet).removeEntry(entry(juliet, "romeo@localhost"));

        assertEquals("juliet@localhost", romeoHearsUnsubscribed.next().getFrom().toString());
        assertEventually("Romeo's item is none", () -> type(romeo, "juliet@localhost") == ItemType.none);
        assertEquals("romeo@localhost/tomb", julietHearsGone.next().getFrom().toString());
    }
}
