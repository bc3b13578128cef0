package dev.wasm4j.model;

import java.util.Map;

/**
 * What the {@code name} custom section says (spec 7.4.2.x, appendix "Name Section"): the module's name,
 * function names and local names. Absent entries are simply missing from the maps.
 *
 * <p>Part of the decoded module's structure, shared by the engine's packages; not API (see module-info).
 *
 * @hidden
 *
 * @param moduleName the module name
 * @param functionNames the function names
 * @param localNames the local names
 */
public record Names(String moduleName, Map<Integer, String> functionNames,
                    Map<Integer, Map<Integer, String>> localNames) {

    public static final Names EMPTY = new Names(null, Map.of(), Map.of());

    public Names {
        functionNames = Map.copyOf(functionNames);
        localNames = Map.copyOf(localNames);
    }

    public String functionName(int funcIndex) {
        return functionNames.get(funcIndex);
    }
}
