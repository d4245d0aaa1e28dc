package com.parla.system;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import java.io.File;

/** The real, built EAR (not a hand-assembled archive), for the system tests. */
final class ParlaEar {

    private static final String WAR = "admin-web.war";
    private static final String EJB_JAR = "commerce-ejb.jar";

    private ParlaEar() {
    }

    static EnterpriseArchive asBuilt() {
        File ear = new File(System.getProperty("parla.ear", "target/parla.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("Build the EAR first: " + ear.getAbsolutePath());
        }
        return ShrinkWrap.create(ZipImporter.class, "parla.ear").importFrom(ear).as(EnterpriseArchive.class);
    }

    /**
     * The built EAR with test classes added to its WAR (where Arquillian runs them) and to its EJB module, and the
     * libraries the in-server tests use (Awaitility and its Hamcrest). An EAR is not a class container, so the
     * modules are taken out, extended and put back.
     */
    static EnterpriseArchive withTestClasses(Class<?>[] webClasses, Class<?>... ejbClasses) {
        EnterpriseArchive ear = asBuilt();
        WebArchive war = ear.getAsType(WebArchive.class, WAR);
        war.addClasses(webClasses);
        war.addAsLibraries(jarOf(org.awaitility.Awaitility.class), jarOf(org.hamcrest.Matcher.class));
        JavaArchive ejbJar = ear.getAsType(JavaArchive.class, EJB_JAR);
        ejbJar.addClasses(ejbClasses);
        ear.delete(WAR);
        ear.delete(EJB_JAR);
        return ear.addAsModule(war).addAsModule(ejbJar);
    }

    /** The jar a class was loaded from, on the test's class path. */
    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
