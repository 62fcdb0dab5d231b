package io.portbind.kv.scripting;

/** What runs a script: EVAL and EVALSHA (and their _RO forms), or FCALL running a library's function. */
enum ScriptKind {
    EVAL("SCRIPT KILL", "user_script"),
    FUNCTION("FUNCTION KILL", "user_function");

    private final String killCommand;
    private final String chunkName;

    ScriptKind(String killCommand, String chunkName) {
        this.killCommand = killCommand;
        this.chunkName = chunkName;
    }

    /** The command that kills a busy script of this kind. */
    String killCommand() {
        return killCommand;
    }

    /** The chunk name error messages show ({@code user_script:1: ...}, {@code @user_script:1}). */
    String chunkName() {
        return chunkName;
    }
}
