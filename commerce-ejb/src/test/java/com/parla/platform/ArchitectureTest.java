package com.parla.platform;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import java.util.Optional;
import java.util.function.BiPredicate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules of the house, for the business module: each business component ({@code com.parla.<component>}) is
 * layered boundary → control → entity, never back; components meet only at each other's boundaries; and the
 * business knows the messaging connector only by its API.
 */
@AnalyzeClasses(packages = "com.parla", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String CONNECTOR = "connector";

    @ArchTest
    static final ArchRule entitiesKnowNeitherLogicNorBoundaries = noClasses().that().resideInAPackage("..entity..")
            .should().dependOnClassesThat().resideInAnyPackage("..control..", "..boundary..")
            .because("boundary → control → entity, never back");

    @ArchTest
    static final ArchRule logicNeverCallsBackIntoItsBoundary = classes().that().resideInAPackage("..control..")
            .should(dependOnNothing("its own component's boundary",
                    (from, to) -> sameComponent(from, to) && layer(to).equals("boundary")))
            .because("boundary → control → entity, never back");

    @ArchTest
    static final ArchRule componentsMeetAtTheirBoundaries = classes().that(businessClasses())
            .should(dependOnNothing("another component's logic or entities",
                    (from, to) -> component(to).filter(c -> !c.equals(CONNECTOR)).isPresent()
                            && !sameComponent(from, to)
                            && (layer(to).equals("control") || to.isAnnotatedWith(Entity.class))))
            .because("a component reaches another only through that one's boundary");

    @ArchTest
    static final ArchRule nothingButTheConnectorsApi = noClasses().that(businessClasses())
            .should().dependOnClassesThat(DescribedPredicate.describe("in the connector's implementation",
                    (JavaClass c) -> c.getPackageName().startsWith("com.parla.connector.")
                            && !c.getPackageName().startsWith("com.parla.connector.api")))
            .because("the business codes against connector-api only");

    private static DescribedPredicate<JavaClass> businessClasses() {
        return DescribedPredicate.describe("are in a business component",
                c -> component(c).filter(name -> !name.equals(CONNECTOR)).isPresent());
    }

    /** {@code com.parla.<component>.<layer>…} */
    private static Optional<String> component(JavaClass c) {
        String[] parts = c.getPackageName().split("\\.");
        return parts.length >= 3 && parts[0].equals("com") && parts[1].equals("parla")
                ? Optional.of(parts[2]) : Optional.empty();
    }

    private static String layer(JavaClass c) {
        String[] parts = c.getPackageName().split("\\.");
        return parts.length >= 4 ? parts[3] : "";
    }

    private static boolean sameComponent(JavaClass a, JavaClass b) {
        return component(a).isPresent() && component(a).equals(component(b));
    }

    private static ArchCondition<JavaClass> dependOnNothing(String what, BiPredicate<JavaClass, JavaClass> forbidden) {
        return new ArchCondition<>("depend on nothing in " + what) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (forbidden.test(item, target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
