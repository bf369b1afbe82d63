package org.chokepoint.io;

import org.chokepoint.model.Origin;
import org.chokepoint.model.Problem;

/** The origin of a model element read from a YAML or JSON mapping: points at the field's value. */
record TreeOrigin(Node.MapNode node, String path) implements Origin {

    @Override
    public Problem problem(String field, String message, String advice) {
        Node at = node;
        if (field != null && !field.isEmpty()) {
            // "recipe.gpu" names a nested key; ids may contain dots, so try the longest key first.
            Node.MapNode map = node;
            String rest = field;
            while (map != null && !rest.isEmpty()) {
                Node found = null;
                String matched = null;
                for (String key : map.values.keySet()) {
                    if ((rest.equals(key) || rest.startsWith(key + ".")) && (matched == null || key.length() > matched.length())) {
                        matched = key;
                        found = map.values.get(key);
                    }
                }
                if (found == null) {
                    break;
                }
                at = found;
                rest = rest.length() == matched.length() ? "" : rest.substring(matched.length() + 1);
                map = found instanceof Node.MapNode m ? m : null;
            }
        }
        String p = field == null || field.isEmpty() ? path : path.isEmpty() ? field : path + "." + field;
        return new Problem(at.file, at.line, at.column, p, message, advice);
    }
}
