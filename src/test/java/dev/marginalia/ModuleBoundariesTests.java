package dev.marginalia;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages' boundaries, checked by Spring Modulith on the main code: each top-level package is a module whose
 * public face is the public types of its base package; what is under {@code internal} (or package-private) is its
 * own. The build fails on a cycle between modules, on a use of another module's internals, or when a module leans on
 * one it must not; and when the module diagram in {@code docs/modules/} no longer shows the code (write it again with
 * {@code -Dmarginalia.docs.write=true}).
 */
class ModuleBoundariesTests {

	static final ApplicationModules MODULES = ApplicationModules.of(MarginaliaApplication.class,
			DescribedPredicate.describe("test code", (JavaClass type) -> type.getSource()
				.map(source -> source.getUri().toString().contains("/test-classes/"))
				.orElse(false)));

	/**
	 * What each module may lean on: the floors below it. Ground floors lean on nothing of ours; {@code system} wires
	 * the application together and no module leans on it.
	 */
	static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
			Map.entry("hashing", Set.of()),
			Map.entry("database", Set.of("web")),
			Map.entry("web", Set.of()),
			Map.entry("limits", Set.of("web")),
			Map.entry("identity", Set.of("hashing", "limits")),
			Map.entry("content", Set.of("hashing")),
			Map.entry("anchoring", Set.of("content")),
			Map.entry("notes", Set.of("anchoring", "content", "hashing", "database", "identity", "web")),
			Map.entry("live", Set.of("notes", "content", "identity", "database", "web")),
			Map.entry("reading", Set.of("notes", "live", "anchoring", "content", "hashing", "database", "web", "identity")),
			Map.entry("annotations", Set.of("notes", "anchoring", "content", "hashing", "database", "web", "identity")),
			Map.entry("moderation", Set.of("notes", "annotations", "content", "limits", "identity", "hashing", "web")),
			Map.entry("feeds", Set.of("notes", "anchoring", "content", "hashing", "identity")),
			Map.entry("system", Set.of("content", "database", "hashing", "identity", "limits", "web")));

	@Test
	void noCycleAndNoUseOfAnotherModulesInternals() {
		MODULES.verify();
	}

	@Test
	void eachModuleLeansOnlyOnTheFloorsBelowIt() {
		Map<String, Set<String>> actual = new TreeMap<>();
		MODULES.forEach(module -> actual.put(module.getIdentifier().toString(), dependencies(module)));
		assertThat(ALLOWED.keySet()).as("every module has its place in ALLOWED").containsAll(actual.keySet());
		actual.forEach((module, uses) -> assertThat(ALLOWED.get(module))
			.as("what %s uses: %s", module, uses)
			.containsAll(uses));
		System.out.println("MODULES " + actual);
	}

	@Test
	void theModuleDiagramInDocsShowsTheCode(@TempDir Path written) throws IOException {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(written.toString()))
			.writeModulesAsPlantUml(Documenter.DiagramOptions.defaults()
				.withStyle(Documenter.DiagramOptions.DiagramStyle.C4));
		Path diagram = written.resolve("components.puml");
		Path committed = Path.of("docs", "modules", "modules.puml");
		if (Boolean.getBoolean("marginalia.docs.write")) {
			Files.createDirectories(committed.getParent());
			Files.copy(diagram, committed, StandardCopyOption.REPLACE_EXISTING);
		}
		// the Documenter writes the modules and their relations in no fixed order: compared as sets of lines
		assertThat(committed).as("docs/modules/modules.puml: write it again with -Dmarginalia.docs.write=true").exists();
		assertThat(sortedLines(committed)).as("docs/modules/modules.puml: write it again with -Dmarginalia.docs.write=true")
			.isEqualTo(sortedLines(diagram));
	}

	private static List<String> sortedLines(Path file) throws IOException {
		return Files.readAllLines(file).stream().sorted().toList();
	}

	private static Set<String> dependencies(ApplicationModule module) {
		return module.getDirectDependencies(MODULES)
			.uniqueModules()
			.map(dependency -> dependency.getIdentifier().toString())
			.collect(Collectors.toCollection(TreeSet::new));
	}

}
