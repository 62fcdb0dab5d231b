package io.portbind.kv.client;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.Session.ReplyMode;

/** CLIENT REPLY ON|OFF|SKIP: OFF and SKIP send no reply of their own; SKIP drops the next command's reply too. */
final class ClientReply {

    private ClientReply() {
    }

    static void reply(Call call) {
        if (call.is(2, "on")) {
            call.session().replyMode(ReplyMode.ON);
            call.reply().ok();
        } else if (call.is(2, "off")) {
            call.session().replyMode(ReplyMode.OFF);
        } else if (call.is(2, "skip")) {
            call.session().replyMode(ReplyMode.SKIP_NEXT);
        } else {
            throw CommandError.SYNTAX;
        }
    }
}
