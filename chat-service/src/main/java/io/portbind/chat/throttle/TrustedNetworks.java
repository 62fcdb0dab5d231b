package io.portbind.chat.throttle;

import io.portbind.common.config.InvalidValueException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The networks of the people who run the server ({@code CHAT_TRUSTED_NETWORKS}, loopback by default, as
 * Prosody's default allow-list): clients from them are exempt from the limits meant for strangers, so that
 * test frameworks and load tools on the server's own machine can create accounts as fast as they like.
 * Written as CIDR blocks separated by commas, {@code 127.0.0.0/8,::1/128}; {@code none} trusts nobody.
 */
public final class TrustedNetworks {

    public static final String DEFAULT = "127.0.0.0/8,::1/128";
    private static final String NONE = "none";

    /** One CIDR block: an address and how many of its leading bits a client's address must share. */
    private record Block(byte[] network, int prefixBits) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefixBits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Block> blocks;

    private TrustedNetworks(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** Parses the setting's text; a malformed block is a configuration error naming what is accepted. */
    public static TrustedNetworks parse(String text) throws InvalidValueException {
        String trimmed = text.strip();
        if (trimmed.toLowerCase(Locale.ROOT).equals(NONE)) {
            return new TrustedNetworks(List.of());
        }
        List<Block> blocks = new ArrayList<>();
        for (String part : trimmed.split(",", -1)) {
            blocks.add(block(part.strip()));
        }
        return new TrustedNetworks(blocks);
    }

    private static Block block(String cidr) throws InvalidValueException {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        // Only literal addresses: a host name here would make start-up wait for DNS.
        if (address.isEmpty() || !address.matches("[0-9a-fA-F.:]+")) {
            throw invalid();
        }
        byte[] network;
        try {
            network = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw invalid();
        }
        int bits = network.length * 8;
        if (slash >= 0) {
            String prefix = cidr.substring(slash + 1);
            if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > bits) {
                throw invalid();
            }
            bits = Integer.parseInt(prefix);
        }
        return new Block(network, bits);
    }

    private static InvalidValueException invalid() {
        return new InvalidValueException("expected CIDR blocks separated by commas, such as " + DEFAULT
                + ", or none");
    }

    /** Whether the client at {@code remote} connects from a trusted network. */
    public boolean contains(SocketAddress remote) {
        if (!(remote instanceof InetSocketAddress socket) || socket.getAddress() == null) {
            return false;
        }
        byte[] address = socket.getAddress().getAddress();
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
