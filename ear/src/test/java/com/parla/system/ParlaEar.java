package com.parla.system;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import java.io.File;

/** The real, built EAR (not a hand-assembled archive), for the system tests. */
final class ParlaEar {

    private static final String WAR = "admin-web.war";

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
     * The built EAR with test classes added to its WAR, so that Arquillian can run them inside the server. An EAR
     * is not a class container, so the WAR is taken out, extended and put back.
     */
    static EnterpriseArchive withTestClasses(Class<?>... classes) {
        EnterpriseArchive ear = asBuilt();
        WebArchive war = ear.getAsType(WebArchive.class, WAR);
        war.addClasses(classes);
        ear.delete(WAR);
        return ear.addAsModule(war);
    }
}
