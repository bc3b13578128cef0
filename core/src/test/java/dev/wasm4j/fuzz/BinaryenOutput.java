package dev.wasm4j.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads what binaryen's interpreter prints for {@code wasm-opt --fuzz-exec-before} into the fuzzer's events
 * ({@link FuzzHost}): {@code export NAME}, {@code log VALUES}, {@code result VALUES}, {@code trap},
 * {@code exception VALUES}, {@code instantiation exception}. Values are made comparable with
 * {@link Printed}; binaryen prints an f32 as the decimal of its double, which names the same number.
 * A line {@code [host limit ...]} makes the run {@link #hostLimited() not comparable}, as binaryen's own
 * fuzzer treats it.
 */
record BinaryenOutput(List<String> events, boolean hostLimited) {

    static BinaryenOutput parse(String text) {
        List<String> events = new ArrayList<>();
        boolean limited = false;
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("[fuzz-exec] export ")) {
                events.add("export " + line.substring("[fuzz-exec] export ".length()));
            } else if (line.startsWith("[LoggingExternalInterface logging")) {
                events.add(("log " + values(line.substring("[LoggingExternalInterface logging".length(),
                        line.length() - 1))).trim());
            } else if (line.startsWith("[LoggingExternalInterface log-branch")) {
                events.add("log-branch " + values(line.substring(36, line.length() - 1)));
            } else if (line.startsWith("[fuzz-exec] note result: ")) {
                StringBuilder result = new StringBuilder("result ");
                result.append(values(line.substring(line.indexOf(" => ") + 4)));
                while (i + 1 < lines.length && !lines[i + 1].startsWith("[") && !lines[i + 1].isBlank()) {
                    result.append(' ').append(values(lines[++i]));
                }
                events.add(result.toString());
            } else if (line.startsWith("[trap ")) {
                events.add("trap");
            } else if (line.startsWith("[exception thrown: failed to instantiate module]")) {
                events.add("instantiation exception");
            } else if (line.startsWith("[exception thrown: ")) {
                String rest = line.substring("[exception thrown: ".length(), line.length() - 1);
                int space = rest.indexOf(' ');
                events.add(space < 0 ? "exception" : "exception " + values(rest.substring(space + 1)));
            } else if (line.startsWith("[host limit")) {
                limited = true;
            }
        }
        return new BinaryenOutput(events, limited);
    }

    /** Space-separated values, an {@code i32x4} with its four lanes taken as one. */
    static String values(String text) {
        String[] tokens = text.trim().split(" ");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].equals("i32x4") && i + 4 < tokens.length) {
                out.add(String.join(" ", tokens[i], tokens[i + 1], tokens[i + 2], tokens[i + 3], tokens[i + 4]));
                i += 4;
            } else if (!tokens[i].isEmpty()) {
                out.add(token(tokens[i]));
            }
        }
        return String.join(" ", out);
    }

    private static String token(String t) {
        if (t.equals("-0")) {
            return t;
        }
        if (t.matches("-?[0-9]+")) {
            try {
                return Long.toString(Long.parseLong(t));
            } catch (NumberFormatException tooLargeForAnInteger) {
                return Printed.number(Double.parseDouble(t));
            }
        }
        if (t.startsWith("nan") || t.startsWith("-nan")) {
            return "nan";
        }
        if (t.equals("inf") || t.equals("-inf")) {
            return t;
        }
        if (t.matches("-?[0-9.]+(e[-+]?[0-9]+)?")) {
            return Printed.number(Double.parseDouble(t));
        }
        return t;
    }
}
