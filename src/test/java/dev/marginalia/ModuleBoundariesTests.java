package dev.marginalia;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModuleBoundariesTests {

    static final ApplicationModules MODULES = ApplicationModules.of(MarginaliaApplication.class,
            DescribedPredicate.describe("test code", (JavaClass c) -> c.getSource()
                    .map(s -> s.getUri().toString().contains("/test-classes/")).orElse(false)));

    @Test
    void print() {
        MODULES.forEach(m -> System.out.println(m.getIdentifier() + " -> " + m.getDirectDependencies(MODULES).uniqueModules().map(x -> x.getIdentifier().toString()).toList() + " types " + m.getBasePackage().stream().count()));
        MODULES.verify();
        System.out.println(MODULES.detectViolations().getMessage());
    }
}
