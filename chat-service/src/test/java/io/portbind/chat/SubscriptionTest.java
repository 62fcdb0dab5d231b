package io.portbind.chat;

import static io.portbind.chat.Eventually.assertEventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.PresenceTypeFilter;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.packet.RosterPacket.ItemType;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/** The presence subscription flows of RFC 6121 section 3, and the presence they unlock, between Smack clients. */
class SubscriptionTest {

    @RegisterExtension
    static final ChatServerExtension chat = ChatServerExtension.withAccounts("romeo:r", "juliet:j", "paris:p",
            "capulet:c", "tybalt:t", "mercutio:m", "benvolio:b", "montague:mo", "balthasar:ba", "rosaline:ro",
            "abram:a", "sampson:s", "peter:pe");

    @Test
    void romeoAsks_julietApproves_romeoSeesHerPresenceChange_andSeesItAgainFromANewResource() throws Exception {
        XMPPTCPConnection romeo = chat.login("romeo", "r", "garden");
        XMPPTCPConnection juliet = chat.login("juliet", "j", "balcony");
        Inbox<Presence> julietRequests = Inbox.of(juliet, PresenceTypeFilter.SUBSCRIBE);

        romeo.sendStanza(presence(romeo, Presence.Type.subscribe, "juliet@localhost"));
        assertEquals("romeo@localhost", julietRequests.next().getFrom().toString());
        assertEventually("Romeo's request is pending", () -> entry(romeo, "juliet@localhost") != null
                && entry(romeo, "juliet@localhost").isSubscriptionPending());

        juliet.sendStanza(presence(juliet, Presence.Type.subscribed, "romeo@localhost"));
        assertEventually("Romeo's roster says to", () -> type(romeo, "juliet@localhost") == ItemType.to);
        assertEventually("Juliet's roster says from", () -> type(juliet, "romeo@localhost") == ItemType.from);
        assertFalse(entry(romeo, "juliet@localhost").isSubscriptionPending());
        assertEventually("Romeo sees Juliet online", () -> presenceOf(romeo, "juliet@localhost").isAvailable());

        juliet.sendStanza(juliet.getStanzaFactory().buildPresenceStanza().setMode(Presence.Mode.away)
                .setStatus("at the window").build());
        assertEventually("Romeo sees Juliet away", () -> presenceOf(romeo, "juliet@localhost").getMode()
                == Presence.Mode.away);
        assertEquals("at the window", presenceOf(romeo, "juliet@localhost").getStatus());

        XMPPTCPConnection romeoLater = chat.login("romeo", "r", "mantua");
        assertEventually("the new resource learns Juliet's presence at login",
                () -> presenceOf(romeoLater, "juliet@localhost").getMode() == Presence.Mode.away);

        juliet.disconnect();
        assertEventually("Romeo sees Juliet leave", () -> !presenceOf(romeo, "juliet@localhost").isAvailable());
    }

    @Test
    void capuletPreApprovesParis_seesHimListedAsApproved_soParisRequestIsGrantedAtOnce() throws Exception {
        XMPPTCPConnection capulet = chat.login("capulet", "c", "hall");
        XMPPTCPConnection paris = chat.login("paris", "p", "house");
        Inbox<Presence> capuletRequests = Inbox.of(capulet, PresenceTypeFilter.SUBSCRIBE);

        Roster.getInstanceFor(capulet).preApprove(bare("paris@localhost"));
        assertEventually("Capulet's roster lists Paris as approved", () -> entry(capulet, "paris@localhost") != null
                && entry(capulet, "paris@localhost").isApproved());
        assertEquals(ItemType.none, type(capulet, "paris@localhost"));
        paris.sendStanza(presence(paris, Presence.Type.subscribe, "capulet@localhost"));

        assertEventually("Paris subscribed to Capulet", () -> type(paris, "capulet@localhost") == ItemType.to);
        assertEventually("Capulet's roster says from", () -> type(capulet, "paris@localhost") == ItemType.from);
        capuletRequests.expectNothing();
    }

    @Test
    void tybaltAsks_mercutioRefuses() throws Exception {
        XMPPTCPConnection tybalt = chat.login("tybalt", "t", "street");
        XMPPTCPConnection mercutio = chat.login("mercutio", "m", "street");
        Inbox<Presence> tybaltHears = Inbox.of(tybalt, PresenceTypeFilter.UNSUBSCRIBED);
        Inbox<Presence> mercutioRequests = Inbox.of(mercutio, PresenceTypeFilter.SUBSCRIBE);

        tybalt.sendStanza(presence(tybalt, Presence.Type.subscribe, "mercutio@localhost"));
        mercutioRequests.next();
        mercutio.sendStanza(presence(mercutio, Presence.Type.unsubscribed, "tybalt@localhost"));

        assertEquals("mercutio@localhost", tybaltHears.next().getFrom().toString());
        assertEventually("Tybalt's request is no longer pending", () -> entry(tybalt, "mercutio@localhost") != null
                && !entry(tybalt, "mercutio@localhost").isSubscriptionPending());
        assertEquals(ItemType.none, type(tybalt, "mercutio@localhost"));
    }

    @Test
    void benvolioAndMontagueSubscribeBothWays_thenUnsubscribeAndCancel() throws Exception {
        XMPPTCPConnection benvolio = chat.login("benvolio", "b", "square");
        XMPPTCPConnection montague = chat.login("montague", "mo", "house");
        befriend(benvolio, "benvolio@localhost", montague, "montague@localhost");

        benvolio.sendStanza(presence(benvolio, Presence.Type.unsubscribe, "montague@localhost"));
        assertEventually("Benvolio no longer sees Montague", () -> type(benvolio, "montague@localhost")
                == ItemType.from && type(montague, "benvolio@localhost") == ItemType.to);

        Inbox<Presence> montagueHearsGone = Inbox.of(montague, PresenceTypeFilter.UNAVAILABLE);
        benvolio.sendStanza(presence(benvolio, Presence.Type.unsubscribed, "montague@localhost"));
        assertEventually("no subscription left", () -> type(benvolio, "montague@localhost") == ItemType.none
                && type(montague, "benvolio@localhost") == ItemType.none);
        assertEquals("benvolio@localhost/square", montagueHearsGone.next().getFrom().toString());
    }

    @Test
    void abramUnsubscribesFromSampson_andHearsSampsonGoOffline() throws Exception {
        XMPPTCPConnection abram = chat.login("abram", "a", "street");
        XMPPTCPConnection sampson = chat.login("sampson", "s", "square");
        befriend(abram, "abram@localhost", sampson, "sampson@localhost");
        assertEventually("Abram sees Sampson online", () -> presenceOf(abram, "sampson@localhost").isAvailable());
        Inbox<Presence> abramHearsGone = Inbox.of(abram, PresenceTypeFilter.UNAVAILABLE);

        abram.sendStanza(presence(abram, Presence.Type.unsubscribe, "sampson@localhost"));

        assertEquals("sampson@localhost/square", abramHearsGone.next().getFrom().toString());
        assertEventually("Abram's roster shows Sampson offline", () -> !presenceOf(abram, "sampson@localhost")
                .isAvailable());
    }

    @Test
    void peterIsAwayAtTheGate_thenComesOnlineInTheKitchen_andTheKitchenLearnsWhereElseHeIs() throws Exception {
        XMPPTCPConnection gate = chat.login("peter", "pe", "gate");
        gate.sendStanza(gate.getStanzaFactory().buildPresenceStanza().setMode(Presence.Mode.away)
                .setStatus("minding the gate").build());
        PingManager.getInstanceFor(gate).pingMyServer();

        XMPPTCPConnection kitchen = chat.notYetConnected("peter", "pe", "kitchen");
        Inbox<Presence> kitchenHearsOfTheGate = Inbox.of(kitchen, new AndFilter(PresenceTypeFilter.AVAILABLE,
                FromMatchesFilter.createFull(JidCreate.from("peter@localhost/gate"))));
        kitchen.connect().login();

        assertEquals("minding the gate", kitchenHearsOfTheGate.next().getStatus());
    }

    @Test
    void romeoAsksSomeoneAtAnotherDomain_andLearnsThatServerCannotBeReached_asWhenHeSendsHerPresence()
            throws Exception {
        XMPPTCPConnection romeo = chat.login("romeo", "r", "letters");
        Inbox<Presence> errors = Inbox.of(romeo, PresenceTypeFilter.ERROR);

        romeo.sendStanza(presence(romeo, Presence.Type.subscribe, "rosalind@verona.example"));
        Presence refused = errors.next();
        assertEquals("rosalind@verona.example", refused.getFrom().toString());
        assertEquals(StanzaError.Condition.remote_server_not_found, refused.getError().getCondition());

        romeo.sendStanza(presence(romeo, Presence.Type.available, "rosalind@verona.example"));
        assertEquals(StanzaError.Condition.remote_server_not_found, errors.next().getError().getCondition());
    }

    @Test
    void balthasarAsksWhileRosalineIsOffline_sheGetsTheRequestWhenSheComesOnline() throws Exception {
        XMPPTCPConnection balthasar = chat.login("balthasar", "ba", "road");
        balthasar.sendStanza(presence(balthasar, Presence.Type.subscribe, "rosaline@localhost"));
        assertEventually("request pending", () -> entry(balthasar, "rosaline@localhost") != null
                && entry(balthasar, "rosaline@localhost").isSubscriptionPending());

        XMPPTCPConnection rosaline = chat.notYetConnected("rosaline", "ro", "away");
        Inbox<Presence> rosalineRequests = Inbox.of(rosaline, PresenceTypeFilter.SUBSCRIBE);
        rosaline.connect().login();
        assertEquals("balthasar@localhost", rosalineRequests.next().getFrom().toString());
    }

    /** Each asks, the other approves: a subscription of type both on either side. */
    static void befriend(XMPPConnection first, String firstJid, XMPPConnection second, String secondJid)
            throws Exception {
        first.sendStanza(presence(first, Presence.Type.subscribe, secondJid));
        second.sendStanza(presence(second, Presence.Type.subscribed, firstJid));
        second.sendStanza(presence(second, Presence.Type.subscribe, firstJid));
        first.sendStanza(presence(first, Presence.Type.subscribed, secondJid));
        assertEventually("both ways", () -> type(first, secondJid) == ItemType.both
                && type(second, firstJid) == ItemType.both);
    }

    static Presence presence(XMPPConnection from, Presence.Type type, String to) throws Exception {
        return from.getStanzaFactory().buildPresenceStanza().ofType(type).to(JidCreate.bareFrom(to)).build();
    }

    static RosterEntry entry(XMPPConnection owner, String contact) {
        return Roster.getInstanceFor(owner).getEntry(bare(contact));
    }

    static ItemType type(XMPPConnection owner, String contact) {
        RosterEntry entry = entry(owner, contact);
        return entry == null ? null : entry.getType();
    }

    static Presence presenceOf(XMPPConnection observer, String contact) {
        return Roster.getInstanceFor(observer).getPresence(bare(contact));
    }

    private static BareJid bare(String jid) {
        return JidCreate.bareFromOrThrowUnchecked(jid);
    }
}
