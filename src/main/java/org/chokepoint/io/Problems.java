package org.chokepoint.io;

import java.util.ArrayList;
import java.util.List;
import org.chokepoint.model.InvalidInputException;
import org.chokepoint.model.Problem;

/** Collects problems while a file is read, so all of them are reported at once. */
final class Problems {

    private final List<Problem> list = new ArrayList<>();

    void add(Problem p) {
        list.add(p);
    }

    void add(Node at, String path, String message, String advice) {
        if (at instanceof Node.Scalar s && s.type == Node.Scalar.Type.ALIAS) {
            return; // the alias itself has been reported
        }
        list.add(new Problem(at.file, at.line, at.column, path, message, advice));
    }

    void addAll(List<Problem> problems) {
        list.addAll(problems);
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<Problem> list() {
        return list;
    }

    void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InvalidInputException(list);
        }
    }
}
