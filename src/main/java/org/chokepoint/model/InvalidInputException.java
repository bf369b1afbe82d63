package org.chokepoint.model;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every problem found in an input, reported at once. The message lists all of them, one per
 * entry, in file and line order.
 */
public final class InvalidInputException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(render(problems), null, false, false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one problem");
        }
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Problem::compare);
        this.problems = List.copyOf(sorted);
    }

    public InvalidInputException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String render(List<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Problem::compare);
        return sorted.stream().map(Problem::format).collect(Collectors.joining(System.lineSeparator()));
    }
}
