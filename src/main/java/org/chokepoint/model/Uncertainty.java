package org.chokepoint.model;

import java.util.List;

/**
 * A scenario's {@code uncertainty} block: how many Monte Carlo runs, and a distribution for each
 * uncertain numeric parameter, named by its path (e.g. {@code measures.bis-2025.license.approval},
 * {@code sites.inspur-ai-line.stock.gpu-hopper}, {@code alternates[0].qualify}).
 *
 * @param runs the default number of runs
 * @param parameters the uncertain parameters, in file order (draws follow this order)
 */
public record Uncertainty(int runs, List<Parameter> parameters) {

    public static final Uncertainty NONE = new Uncertainty(1, List.of());

    /**
     * @param path what the value replaces
     * @param distribution uniform, triangular, normal, lognormal, beta, bernoulli or choice
     * @param numbers the distribution's numbers by name (min, max, mode, mean, sd, mu, sigma, alpha,
     *     beta, p), as written
     * @param choices for {@code choice}: the values, and their weights in {@code weights}
     * @param weights for {@code choice}: relative weights (empty: equal)
     */
    public record Parameter(String path, String distribution, java.util.Map<String, Double> numbers, List<Double> choices,
                            List<Double> weights) {

        public Parameter {
            numbers = java.util.Map.copyOf(numbers);
            choices = choices == null ? List.of() : List.copyOf(choices);
            weights = weights == null ? List.of() : List.copyOf(weights);
        }
    }

    public Uncertainty {
        if (runs < 1) {
            throw new FieldException("runs", "must be at least 1 (" + runs + ")", "The number of Monte Carlo runs.");
        }
        parameters = List.copyOf(parameters);
    }
}
