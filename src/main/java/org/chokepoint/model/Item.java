package org.chokepoint.model;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * A good: raw material, component, sub-assembly or end product.
 *
 * @param id unique id
 * @param name display name (defaults to the id)
 * @param value unit value in USD
 * @param eccn export classification: {@code EAR99} or an ECCN such as {@code 3A090} or {@code 3A090.a}
 * @param category what kind of good it is
 * @param tpp Total Processing Performance, for chips and systems that have one
 * @param performanceDensity TPP divided by die area in mm², where it applies
 * @param specs other technical parameters control criteria test, by name: {@code transfer-rate}
 *     (aggregate bidirectional, GB/s), {@code interconnect} (GB/s), {@code memory-bandwidth}
 *     (GB/s), {@code memory-bandwidth-density} (GB/s per mm²)
 */
public record Item(String id, String name, double value, String eccn, Category category,
                   OptionalDouble tpp, OptionalDouble performanceDensity, java.util.Map<String, Double> specs) {

    /** The names {@link #specs} may use. */
    public static final java.util.List<String> SPECS = java.util.List.of("transfer-rate", "interconnect", "memory-bandwidth",
            "memory-bandwidth-density");

    /** {@code EAR99}, or a CCL number (digit, category letter A–E, three digits) with optional paragraphs. */
    public static final Pattern ECCN = Pattern.compile("EAR99|[0-9][A-E][0-9]{3}(\\.[a-z0-9]+)*");

    public enum Category {
        RAW_MATERIAL, COMPONENT, SUBASSEMBLY, END_PRODUCT;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public Item {
        Checks.id(id, "id");
        name = name == null || name.isBlank() ? id : name;
        Checks.nonNegative(value, "value");
        eccn = eccn == null ? "EAR99" : eccn;
        if (!ECCN.matcher(eccn).matches()) {
            throw new FieldException("eccn", "'" + eccn + "' is not an export classification",
                    "Use EAR99 or an ECCN such as 3A090, 3A090.a or 5A992.c (digit, letter A-E, three digits).");
        }
        category = category == null ? Category.COMPONENT : category;
        tpp = Objects.requireNonNullElse(tpp, OptionalDouble.empty());
        performanceDensity = Objects.requireNonNullElse(performanceDensity, OptionalDouble.empty());
        if (tpp.isPresent()) {
            Checks.nonNegative(tpp.getAsDouble(), "tpp");
        }
        if (performanceDensity.isPresent()) {
            Checks.nonNegative(performanceDensity.getAsDouble(), "performance-density");
        }
        specs = specs == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(specs));
        for (java.util.Map.Entry<String, Double> e : specs.entrySet()) {
            if (!SPECS.contains(e.getKey())) {
                throw new FieldException(e.getKey(), "unknown spec '" + e.getKey() + "'", "Allowed: " + String.join(", ", SPECS) + ".");
            }
            Checks.nonNegative(e.getValue(), e.getKey());
        }
    }

    public Item(String id, String name, double value, String eccn, Category category, OptionalDouble tpp,
                OptionalDouble performanceDensity) {
        this(id, name, value, eccn, category, tpp, performanceDensity, null);
    }

    /** A technical parameter by name (tpp and performance-density included), if the item has it. */
    public OptionalDouble spec(String name) {
        return switch (name) {
            case "tpp" -> tpp;
            case "performance-density" -> performanceDensity;
            default -> specs.containsKey(name) ? OptionalDouble.of(specs.get(name)) : OptionalDouble.empty();
        };
    }

    public static Item of(String id, double value) {
        return new Item(id, null, value, null, null, null, null);
    }

    public Item withEccn(String newEccn) {
        return new Item(id, name, value, newEccn, category, tpp, performanceDensity, specs);
    }

    public Item withCategory(Category newCategory) {
        return new Item(id, name, value, eccn, newCategory, tpp, performanceDensity, specs);
    }
}
