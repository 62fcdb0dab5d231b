package io.portbind.kv.scripting;

import java.util.function.IntBinaryOperator;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The {@code bit} table of LuaBitOp 1.0.2, which Redis embeds: every operation works on 32-bit integers (numbers
 * taken modulo 2^32, results signed) — {@code tobit}, {@code tohex}, {@code bnot}, {@code band}, {@code bor},
 * {@code bxor}, {@code lshift}, {@code rshift}, {@code arshift}, {@code rol}, {@code ror}, {@code bswap}.
 */
final class BitLibrary {

    private static final double TWO_32 = 4294967296.0;

    private BitLibrary() {
    }

    static LuaTable create() {
        LuaTable bit = new LuaTable();
        bit.set("tobit", unary("tobit", x -> x));
        bit.set("bnot", unary("bnot", x -> ~x));
        bit.set("bswap", unary("bswap", Integer::reverseBytes));
        bit.set("band", fold("band", (a, b) -> a & b));
        bit.set("bor", fold("bor", (a, b) -> a | b));
        bit.set("bxor", fold("bxor", (a, b) -> a ^ b));
        bit.set("lshift", shift("lshift", (x, n) -> x << n));
        bit.set("rshift", shift("rshift", (x, n) -> x >>> n));
        bit.set("arshift", shift("arshift", (x, n) -> x >> n));
        bit.set("rol", shift("rol", Integer::rotateLeft));
        bit.set("ror", shift("ror", Integer::rotateRight));
        bit.set("tohex", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                int value = toBit(args, 1, "tohex");
                int digits = args.isnoneornil(2) ? 8 : toBit(args, 2, "tohex");
                boolean upper = digits < 0;
                digits = Math.min(Math.abs(digits), 8);
                String hex = String.format(upper ? "%08X" : "%08x", value);
                return LuaValue.valueOf(hex.substring(8 - digits));
            }
        });
        return bit;
    }

    /** LuaBitOp's {@code barg}: a number reduced modulo 2^32 to a signed 32-bit integer. */
    static int toBit(Varargs args, int index, String name) {
        LuaValue value = args.arg(index);
        if (!value.isnumber()) {
            throw new LuaError("bad argument #" + index + " to '" + name + "' (number expected, got "
                    + (value.isnil() ? "no value" : value.typename()) + ")");
        }
        double number = value.todouble();
        double reduced = number - Math.floor(number / TWO_32) * TWO_32;
        return (int) (long) Math.rint(reduced);
    }

    private static VarArgFunction unary(String function, java.util.function.IntUnaryOperator operation) {
        return new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return LuaValue.valueOf(operation.applyAsInt(toBit(args, 1, function)));
            }
        };
    }

    private static VarArgFunction fold(String function, IntBinaryOperator operation) {
        return new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                int result = toBit(args, 1, function);
                for (int i = 2; i <= args.narg(); i++) {
                    result = operation.applyAsInt(result, toBit(args, i, function));
                }
                return LuaValue.valueOf(result);
            }
        };
    }

    private static VarArgFunction shift(String function, IntBinaryOperator operation) {
        return new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return LuaValue.valueOf(operation.applyAsInt(toBit(args, 1, function), toBit(args, 2, function) & 31));
            }
        };
    }
}
