package dev.marginalia.hostile;

import java.util.Map;
import java.util.TreeMap;

/** Counts of the hostile inputs sent in this JVM, by category and outcome, printed at the end of each class. */
final class Tally {

	/** category: inputs, 4xx, accepted-inert, closed (no answer: the server hung up), 5xx */
	private static final Map<String, int[]> COUNTS = new TreeMap<>();

	private Tally() {
	}

	static synchronized void record(String category, int status) {
		int[] row = COUNTS.computeIfAbsent(category, key -> new int[5]);
		row[0]++;
		if (status >= 500) {
			row[4]++;
		}
		else if (status >= 400) {
			row[1]++;
		}
		else if (status > 0) {
			row[2]++;
		}
		else {
			row[3]++;
		}
	}

	static synchronized String table() {
		StringBuilder out = new StringBuilder();
		out.append(String.format("HOSTILE: %-46s %7s %6s %15s %7s %5s%n", "category", "inputs", "4xx", "accepted-inert",
				"closed", "5xx"));
		int[] total = new int[5];
		COUNTS.forEach((category, row) -> {
			out.append(String.format("HOSTILE: %-46s %7d %6d %15d %7d %5d%n", category, row[0], row[1], row[2], row[3],
					row[4]));
			for (int i = 0; i < 5; i++) {
				total[i] += row[i];
			}
		});
		out.append(String.format("HOSTILE: %-46s %7d %6d %15d %7d %5d%n", "TOTAL", total[0], total[1], total[2],
				total[3], total[4]));
		return out.toString();
	}

}
