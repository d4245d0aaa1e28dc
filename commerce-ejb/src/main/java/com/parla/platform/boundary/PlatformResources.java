package com.parla.platform.boundary;

import jakarta.ejb.Singleton;
import jakarta.resource.AdministeredObjectDefinition;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The application's connection factories, destinations and the connector's administration. The container reads resource definitions from
 * component classes, hence an (empty) EJB. The JMS broker is the ActiveMQ resource adapter that the domain setup
 * deploys as {@code activemq-rar}: embedded by default, external when {@code parla.jms.url} is set.
 */
@Singleton
@ConnectionFactoryDefinition(name = PlatformResources.JMS_FACTORY,
        interfaceName = "jakarta.jms.ConnectionFactory", resourceAdapter = PlatformResources.BROKER_ADAPTER,
        transactionSupport = TransactionSupportLevel.XATransaction, minPoolSize = 1, maxPoolSize = 20)
@AdministeredObjectDefinition(name = PlatformResources.EVENTS_TOPIC,
        interfaceName = "jakarta.jms.Topic", className = "org.apache.activemq.command.ActiveMQTopic",
        resourceAdapter = PlatformResources.BROKER_ADAPTER, properties = "PhysicalName=parla.events")
@ConnectionFactoryDefinition(name = PlatformResources.CHANNEL_FACTORY,
        interfaceName = "com.parla.connector.api.ChannelConnectionFactory", resourceAdapter = PlatformResources.CONNECTOR,
        transactionSupport = TransactionSupportLevel.NoTransaction, minPoolSize = 0, maxPoolSize = 32)
@AdministeredObjectDefinition(name = PlatformResources.CHANNEL_ADMINISTRATION,
        interfaceName = "com.parla.connector.api.ChannelAdministration",
        className = "com.parla.connector.admin.ChannelAdministrator", resourceAdapter = PlatformResources.CONNECTOR)
public class PlatformResources {

    public static final String BROKER_ADAPTER = "activemq-rar";
    public static final String JMS_FACTORY = "java:app/jms/parla";
    public static final String EVENTS_TOPIC = "java:app/jms/events";
    /** The messaging connector, the RAR module of this EAR. */
    public static final String CONNECTOR = "#parla-connector";
    /** Sending only. */
    public static final String CHANNEL_FACTORY = "java:app/eis/channels";
    /** The connector's accounts and readiness. */
    public static final String CHANNEL_ADMINISTRATION = "java:app/eis/channel-administration";
    public static final String DATA_SOURCE = "jdbc/parla";
}
