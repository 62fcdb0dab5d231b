package io.portbind.kv.geo;

import io.portbind.kv.geo.GeoSearch.Form;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;

/** The geo family: points kept in sorted sets, their scores 52-bit geohashes. */
public final class GeoCommands implements CommandFamily {

    @Override
    public void register(CommandRegistry registry) {
        registry.bind("geoadd", GeoAdd::geoadd)
                .bind("geopos", GeoReads::geopos)
                .bind("geodist", GeoReads::geodist)
                .bind("geohash", GeoReads::geohash)
                .bind("geosearch", call -> GeoSearch.execute(call, Form.GEOSEARCH))
                .bind("geosearchstore", call -> GeoSearch.execute(call, Form.GEOSEARCHSTORE))
                .bind("georadius", call -> GeoSearch.execute(call, Form.GEORADIUS))
                .bind("georadius_ro", call -> GeoSearch.execute(call, Form.GEORADIUS_RO))
                .bind("georadiusbymember", call -> GeoSearch.execute(call, Form.GEORADIUSBYMEMBER))
                .bind("georadiusbymember_ro", call -> GeoSearch.execute(call, Form.GEORADIUSBYMEMBER_RO));
    }
}
