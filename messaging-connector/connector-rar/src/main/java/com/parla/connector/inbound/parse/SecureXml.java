package com.parla.connector.inbound.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The flat {@code <xml><Field>value</Field>…</xml>} documents WeChat pushes, read with the JDK's own DOM parser and
 * no DOCTYPE at all: that refuses XXE and entity expansion (billion laughs) before they start (channels.md §4.1).
 */
final class SecureXml {

    private static final ErrorHandler FAIL = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings are not errors; the default handler would print them to stderr
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private SecureXml() {
    }

    /** The root's child elements by name; a field given twice is malformed (two readers could pick differently). */
    static Map<String, String> fields(byte[] body, String channel) {
        if (body == null || body.length == 0) {
            throw new MalformedPayloadException(channel + ": empty body");
        }
        Document doc;
        try {
            doc = builder().parse(new ByteArrayInputStream(body));
        } catch (SAXException | IOException e) {
            throw new MalformedPayloadException(channel + ": body is not acceptable XML: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        if (!"xml".equals(root.getNodeName())) {
            throw new MalformedPayloadException(channel + ": root element is " + root.getNodeName() + ", expected xml");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE
                    && fields.put(n.getNodeName(), n.getTextContent()) != null) {
                throw new MalformedPayloadException(channel + ": " + n.getNodeName() + " is given twice");
            }
        }
        return fields;
    }

    /** A fresh builder each time: factories and builders are not thread-safe. */
    private static DocumentBuilder builder() {
        // newDefaultInstance: the JDK's parser, whatever the server configures, so these features surely apply
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(FAIL);
            return builder;
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            // fail closed: never parse with a parser we could not lock down
            throw new IllegalStateException("cannot configure a secure XML parser", e);
        }
    }
}
