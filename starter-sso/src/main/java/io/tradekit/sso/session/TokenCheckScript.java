package io.tradekit.sso.session;

import java.util.List;

/**
 * Runs the login check's Lua script ({@code read-and-renew.lua}) somewhere other than the Sa-Token
 * DAO's connection, e.g. {@link LettuceTokenCheckScript}.
 */
@FunctionalInterface
public interface TokenCheckScript {

    /**
     * @param keys the token key and the activity stamp key
     * @param args the script's {@code ARGV}
     * @return the script's reply: empty for an unknown token, else login id, stamp, renewed flag
     */
    List<?> run(String[] keys, String[] args);

    /** The script's Lua source. */
    static String source() {
        return OneRoundTripStpLogic.SCRIPT_TEXT;
    }
}
