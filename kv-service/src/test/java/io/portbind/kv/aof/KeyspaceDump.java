package io.portbind.kv.aof;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

/** Every key of every database as comparable text: type, value (sets and hashes sorted) and whether it has a TTL. */
final class KeyspaceDump {

    private KeyspaceDump() {
    }

    static Map<String, String> of(Jedis jedis) {
        Map<String, String> dump = new TreeMap<>();
        for (int db = 0; db < 16; db++) {
            jedis.select(db);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, new ScanParams().count(1000));
                for (String key : page.getResult()) {
                    dump.put(db + ":" + key, describe(jedis, key));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
        jedis.select(0);
        return dump;
    }

    private static String describe(Jedis jedis, String key) {
        String type = jedis.type(key);
        String value = switch (type) {
            case "string" -> jedis.get(key);
            case "list" -> jedis.lrange(key, 0, -1).toString();
            case "set" -> sorted(new ArrayList<>(jedis.smembers(key)));
            case "hash" -> new TreeMap<>(jedis.hgetAll(key)).toString();
            case "zset" -> {
                List<String> entries = new ArrayList<>();
                for (Tuple tuple : jedis.zrangeWithScores(key, 0, -1)) {
                    entries.add(tuple.getElement() + "=" + tuple.getScore());
                }
                yield entries.toString();
            }
            default -> "?";
        };
        return type + " " + value + (jedis.pttl(key) > 0 ? " ttl" : "");
    }

    private static String sorted(List<String> members) {
        Collections.sort(members);
        return members.toString();
    }
}
