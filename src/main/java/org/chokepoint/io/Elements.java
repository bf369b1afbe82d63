package org.chokepoint.io;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.chokepoint.model.Alternate;
import org.chokepoint.model.Demand;
import org.chokepoint.model.Duration;
import org.chokepoint.model.Fact;
import org.chokepoint.model.FieldException;
import org.chokepoint.model.Firm;
import org.chokepoint.model.Item;
import org.chokepoint.model.NetworkBuilder;
import org.chokepoint.model.Note;
import org.chokepoint.model.Origin;
import org.chokepoint.model.Problem;
import org.chokepoint.model.Site;
import org.chokepoint.model.SupplyLink;

/**
 * Binds one element (a mapping in YAML/JSON, a row in CSV) to a model record. The keys each
 * element takes are listed here once; the CSV column names are the same keys.
 */
final class Elements {

    static final List<String> NOTE_KEYS = List.of("sources", "assumption", "note", "as-of", "calibrated");
    static final List<String> ITEM = keys("id", "name", "value", "eccn", "category", "tpp", "performance-density",
            "transfer-rate", "interconnect", "memory-bandwidth", "memory-bandwidth-density");
    static final List<String> FIRM = keys("id", "name", "country", "parent", "aliases", "owners");
    static final List<String> SITE = keys("id", "firm", "makes", "location", "capacity", "recipe", "stock", "price", "made-with",
            "capacity-path", "owner-path");
    static final List<String> LINK = keys("from", "to", "item", "share", "lead-time", "markup");
    static final List<String> ALTERNATE = keys("site", "item", "from", "as", "factor", "qualify", "ramp", "max-share", "premium");
    static final List<String> DEMAND = keys("item", "market", "site", "quantity", "price", "path", "pool", "switching");
    /** CSV only: one row per site and input. */
    static final List<String> RECIPE = keys("site", "input", "quantity", "stock");

    private Elements() {}

    private static List<String> keys(String... own) {
        List<String> all = new java.util.ArrayList<>(List.of(own));
        all.addAll(NOTE_KEYS);
        return List.copyOf(all);
    }

    static Item item(Fields f, Origin o, NetworkBuilder b) {
        String id = f.text("id", true, "Every item needs an id.");
        String name = f.text("name", false, "");
        double value = f.requiredNumber("value", "The unit value in USD, used for costs and de minimis shares.");
        String eccn = f.text("eccn", false, "");
        String cat = f.text("category", false, "");
        Item.Category category = cat == null ? null : category(cat);
        if (cat != null) {
            if (category == null) {
                f.fail(f.raw("category"), "category", "unknown category '" + cat + "'",
                        "Allowed: raw-material, component, subassembly, end-product.");
            }
        }
        OptionalDouble tpp = optional(f.number("tpp", Double.NaN, "Total Processing Performance."));
        OptionalDouble density = optional(f.number("performance-density", Double.NaN, "TPP per mm² of die area."));
        Map<String, Double> specs = new java.util.TreeMap<>();
        for (String spec : Item.SPECS) {
            double x = f.number(spec, Double.NaN, "A number in the unit docs/format.md gives for " + spec + ".");
            if (!Double.isNaN(x)) {
                specs.put(spec, x);
            }
        }
        return build(f, o, () -> new Item(id, name, value, eccn, category, tpp, density, specs), b, "items/" + id);
    }

    static Firm firm(Fields f, Origin o, NetworkBuilder b) {
        String id = f.text("id", true, "Every firm needs an id.");
        String name = f.text("name", false, "");
        String country = f.text("country", true, "The ISO country code where the firm is incorporated, e.g. CN.");
        String parent = f.text("parent", false, "");
        List<String> aliases = f.texts("aliases");
        Map<String, Double> owners = owners(f);
        return build(f, o, () -> new Firm(id, name, country, parent, aliases, owners), b, "firms/" + id);
    }

    /** {@code owners: {parent-firm: 0.6, other: 0.25}}; in a CSV cell, {@code parent-firm:0.6|other:0.25}. */
    private static Map<String, Double> owners(Fields f) {
        if (!f.has("owners")) {
            return Map.of();
        }
        if (f.raw("owners") instanceof Node.Scalar s && s.loose) {
            Map<String, Double> out = new java.util.LinkedHashMap<>();
            for (String part : s.text.split("\\|")) {
                String[] kv = part.trim().split(":");
                Double x = null;
                if (kv.length == 2) {
                    try {
                        x = Double.parseDouble(kv[1].trim());
                    } catch (NumberFormatException e) {
                        x = null;
                    }
                }
                if (x == null) {
                    f.fail(s, "owners", "'" + part.trim() + "' is not FIRM:SHARE", "e.g. inspur-group:0.6|state-fund:0.2");
                } else {
                    out.put(kv[0].trim(), x);
                }
            }
            return out;
        }
        return f.numberMap("owners");
    }

    static Site site(Fields f, Origin o, NetworkBuilder b, Map<String, Double> recipe, Map<String, Duration> stock) {
        String id = f.text("id", true, "Every site needs an id.");
        String firm = f.text("firm", true, "The id of the firm that owns the site.");
        String makes = f.text("makes", true, "The id of the item the site makes.");
        String location = f.text("location", false, "");
        double capacity = f.requiredNumber("capacity", "Maximum output per period, in units of the item made.");
        double price = f.number("price", Double.NaN, "Output price per unit in USD.");
        List<String> madeWith = f.texts("made-with");
        java.util.NavigableMap<java.time.LocalDate, Double> path = datePath(f, "capacity-path",
                "Factors of capacity from dates on: {2026-01-05: 1.5} for an expansion, 0 for a closure.");
        java.util.NavigableMap<java.time.LocalDate, String> owners = ownerPath(f);
        return build(f, o, () -> new Site(id, firm, makes, location, capacity, recipe, stock, price, madeWith, path, owners), b,
                "sites/" + id);
    }

    static SupplyLink link(Fields f, Origin o, NetworkBuilder b) {
        return link(f, o, b, true);
    }

    /** A link; its sources, assumption, note and dates go to {@code b} only {@code withNotes}. */
    static SupplyLink link(Fields f, Origin o, NetworkBuilder b, boolean withNotes) {
        String from = f.text("from", true, "The supplier site id.");
        String to = f.text("to", true, "The customer site id.");
        String item = f.text("item", false, ""); // absent: what the supplier makes, filled in by the builder
        double share = f.number("share", 1.0, "A fraction of the customer's need, in [0, 1].");
        Duration lead = f.duration("lead-time", Duration.ZERO);
        double markup = f.number("markup", 0.0, "A fraction of the price, e.g. 0.05 for 5%.");
        return build(f, o, () -> new SupplyLink(from, to, item, share, lead, markup), b,
                withNotes ? "links/" + from + "->" + to + (item == null ? "" : "/" + item) : null);
    }

    static Alternate alternate(Fields f, Origin o, NetworkBuilder b) {
        String site = f.text("site", true, "The customer site that can switch.");
        String item = f.text("item", true, "The recipe input the alternate replaces.");
        String from = f.text("from", true, "The alternate supplier site.");
        String as = f.text("as", false, "");
        double factor = f.number("factor", 1.0, "Units of the substitute per unit of the item replaced.");
        Duration qualify = f.duration("qualify", Duration.ZERO);
        Duration ramp = f.duration("ramp", Duration.ZERO);
        double maxShare = f.number("max-share", 1.0, "A fraction in [0, 1].");
        double premium = f.number("premium", 0.0, "A fraction of the price, e.g. 0.15 for 15%.");
        return build(f, o, () -> new Alternate(site, item, from, as, factor, qualify, ramp, maxShare, premium), b,
                "alternates/" + site + "/" + item + "<-" + from);
    }

    static Demand demand(Fields f, Origin o, NetworkBuilder b) {
        String item = f.text("item", true, "The end item demanded.");
        String market = f.text("market", true, "The ISO country of the buyers.");
        String site = f.text("site", true, "The site that serves this demand.");
        double quantity = f.requiredNumber("quantity", "Units per period.");
        double price = f.number("price", Double.NaN, "Price per unit in USD.");
        java.util.NavigableMap<java.time.LocalDate, Double> path = datePath(f, "path",
                "Factors of quantity from dates on: {2025-07-07: 1.2, 2026-01-05: 1.5}.");
        String pool = f.text("pool", false, "");
        Duration switching = f.duration("switching", Duration.ZERO);
        return build(f, o, () -> new Demand(item, market, site, quantity, price, path, pool, switching), b,
                "demand/" + item + "@" + market + "/" + site);
    }

    /**
     * A dated path: {@code {DATE: FACTOR, ...}}; in a CSV cell, {@code DATE:FACTOR|DATE:FACTOR}.
     * Dates and numbers are checked where they stand; the record checks the factors' range.
     */
    private static java.util.NavigableMap<java.time.LocalDate, Double> datePath(Fields f, String key, String advice) {
        return dated(f, key, advice, "FACTOR", Double::parseDouble, (m, date) -> {
            double x = m.numberOf(m.raw(date), date, advice);
            return Double.isNaN(x) ? null : x;
        });
    }

    /**
     * {@code owner-path: {DATE: FIRM, ...}}, the owner from each date on; in a CSV cell
     * {@code DATE:FIRM|DATE:FIRM}. Dates are checked where they stand; the firms by the builder.
     */
    private static java.util.NavigableMap<java.time.LocalDate, String> ownerPath(Fields f) {
        String advice = "The firm that owns the site from a date on: {2025-06-30: buyer-firm}.";
        return dated(f, "owner-path", advice, "FIRM", String::trim, (m, date) -> m.text(date, true, advice));
    }

    /**
     * A map from dates: a mapping {@code {DATE: VALUE}}, or in a CSV cell {@code DATE:VALUE|...}
     * ({@code cell} reads a value there; {@code value} reads one from the mapping, null when it
     * failed, reported).
     */
    private static <V> java.util.NavigableMap<java.time.LocalDate, V> dated(Fields f, String key, String advice, String what,
                                                                        java.util.function.Function<String, V> cell,
                                                                        java.util.function.BiFunction<Fields, String, V> value) {
        java.util.NavigableMap<java.time.LocalDate, V> out = new java.util.TreeMap<>();
        if (!f.has(key)) {
            return out;
        }
        if (f.raw(key) instanceof Node.Scalar s && s.loose) {
            for (String part : s.text.split("\\|")) {
                int colon = part.lastIndexOf(':');
                try {
                    out.put(java.time.LocalDate.parse(part.substring(0, Math.max(0, colon)).trim()), cell.apply(part.substring(colon + 1).trim()));
                } catch (RuntimeException e) {
                    f.fail(s, key, "'" + part.trim() + "' is not DATE:" + what, advice);
                }
            }
            return out;
        }
        Fields m = f.nested(key);
        if (m == null) {
            return out;
        }
        for (String date : m.node.values.keySet()) {
            java.time.LocalDate day = null;
            try {
                day = java.time.LocalDate.parse(date);
            } catch (java.time.format.DateTimeParseException e) {
                m.fail(m.raw(date), date, "'" + date + "' is not a date", advice);
            }
            V v = value.apply(m, date);
            if (day != null && v != null) {
                out.put(day, v);
            }
        }
        if (m.failed()) {
            f.markFailed();
        }
        return out;
    }

    /**
     * Makes the record unless a field already failed; a range problem found by the record's own
     * checks is reported at that field. Notes go to the builder under {@code element}.
     */
    static <T> T build(Fields f, Origin o, Supplier<T> make, NetworkBuilder b, String element) {
        if (f.failed()) {
            b.broken(idOf(f));
            return null;
        }
        try {
            T t = make.get();
            if (element != null) {
                notes(f, o, element, b);
            }
            return t;
        } catch (FieldException e) {
            f.problems.add(o.problem(e.field(), e.bareMessage(), e.advice()));
            b.broken(idOf(f));
            return null;
        }
    }

    private static String idOf(Fields f) {
        Node v = f.raw("id");
        return v instanceof Node.Scalar s ? s.text.trim() : null;
    }

    static void notes(Fields f, Origin o, String element, NetworkBuilder b) {
        b.fact(fact(f, o, element, b.defaultAsOf()));
        for (String s : f.texts("sources")) {
            b.note(new Note(element, Note.Kind.SOURCE, s));
        }
        String assumption = f.text("assumption", false, "");
        if (assumption != null) {
            b.note(new Note(element, Note.Kind.ASSUMPTION, assumption));
        }
        String note = f.text("note", false, "");
        if (note != null) {
            b.note(new Note(element, Note.Kind.NOTE, note));
        }
    }

    /**
     * The element's {@code as-of} (else {@code dflt}, its file's) and {@code calibrated}: text
     * saying what the figure was fitted to, or {@code true}.
     */
    static Fact fact(Fields f, Origin o, String element, java.time.LocalDate dflt) {
        java.time.LocalDate asOf = f.date("as-of", false);
        String calibrated = null;
        Node c = f.raw("calibrated");
        if (c instanceof Node.Scalar s && s.type == Node.Scalar.Type.BOOLEAN) {
            calibrated = Boolean.parseBoolean(s.text.trim()) ? "calibrated" : null;
        } else if (c != null) {
            calibrated = f.text("calibrated", false, "What the figure was fitted to, e.g. \"the 2020 shipments\", or true.");
            calibrated = "true".equalsIgnoreCase(calibrated) ? "calibrated" : "false".equalsIgnoreCase(calibrated) ? null : calibrated;
        }
        Problem where = o.problem(f.has("as-of") ? "as-of" : null, "", "");
        return new Fact(element, asOf != null ? asOf : dflt, calibrated, where);
    }

    private static OptionalDouble optional(double x) {
        return Double.isNaN(x) ? OptionalDouble.empty() : OptionalDouble.of(x);
    }

    private static Item.Category category(String key) {
        for (Item.Category c : Item.Category.values()) {
            if (c.key().equals(key)) {
                return c;
            }
        }
        return null;
    }
}
