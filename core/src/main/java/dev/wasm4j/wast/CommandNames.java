package dev.wasm4j.wast;

/** Human names for commands in reports and test trees, e.g. {@code i32.wast:412 assert_return div_s}. */
public final class CommandNames {
    private CommandNames() {
    }

    public static String name(String file, Command c) {
        String what = switch (c) {
            case Command.Module m -> "module" + (m.id() != null ? " " + m.id() : "");
            case Command.ModuleInstance m -> "module instance " + m.instanceId();
            case Command.Register r -> "register " + r.name();
            case Command.Perform p -> action(p.action());
            case Command.AssertReturn a -> "assert_return " + a.action().exportName();
            case Command.AssertTrap a -> "assert_trap " + a.action().exportName();
            case Command.AssertModuleTrap a -> "assert_trap module";
            case Command.AssertExhaustion a -> "assert_exhaustion " + a.action().exportName();
            case Command.AssertException a -> "assert_exception " + a.action().exportName();
            case Command.AssertInvalid a -> "assert_invalid";
            case Command.AssertMalformed a -> "assert_malformed";
            case Command.AssertUnlinkable a -> "assert_unlinkable";
            case Command.AssertCustom a -> a.malformed() ? "assert_malformed_custom" : "assert_invalid_custom";
            case Command.Thread t -> "thread " + t.id();
            case Command.Wait w -> "wait " + w.threadId();
        };
        return file + ":" + c.line() + " " + what;
    }

    private static String action(Action a) {
        return (a instanceof Action.Invoke ? "invoke " : "get ") + a.exportName();
    }
}
