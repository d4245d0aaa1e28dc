package com.parla.catalog.control;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * How catalog text is read, per store language: words lower-cased and folded ("décolleté" finds "decollete"),
 * the chatter of a question dropped ("do you have any ..."), a fashion shopper's synonyms (heels, pumps and
 * stilettos; purse, handbag and bag; trainers and sneakers) expanded when indexing, and words stemmed ("flats"
 * finds "flat"). A query is read the same way but without the synonyms, which the index already holds. The word
 * lists are in {@code catalog/} beside this class's resources.
 */
public class CatalogAnalysis implements LuceneAnalysisConfigurer {

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer("en").custom()
                .tokenizer("standard")
                .tokenFilter("englishPossessive")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding")
                .tokenFilter("stop").param("words", "catalog/stop-en.txt").param("ignoreCase", "true")
                .tokenFilter("synonymGraph").param("synonyms", "catalog/synonyms-en.txt").param("expand", "true")
                .param("ignoreCase", "true")
                .tokenFilter("flattenGraph")
                .tokenFilter("porterStem");
        context.analyzer("en_query").custom()
                .tokenizer("standard")
                .tokenFilter("englishPossessive")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding")
                .tokenFilter("stop").param("words", "catalog/stop-en.txt").param("ignoreCase", "true")
                .tokenFilter("porterStem");
        context.analyzer("it").custom()
                .tokenizer("standard")
                .tokenFilter("elision").param("articles", "catalog/elisions-it.txt").param("ignoreCase", "true")
                .tokenFilter("lowercase")
                .tokenFilter("stop").param("words", "catalog/stop-it.txt").param("ignoreCase", "true")
                .tokenFilter("synonymGraph").param("synonyms", "catalog/synonyms-it.txt").param("expand", "true")
                .param("ignoreCase", "true")
                .tokenFilter("flattenGraph")
                .tokenFilter("italianLightStem")
                .tokenFilter("asciiFolding");
        context.analyzer("it_query").custom()
                .tokenizer("standard")
                .tokenFilter("elision").param("articles", "catalog/elisions-it.txt").param("ignoreCase", "true")
                .tokenFilter("lowercase")
                .tokenFilter("stop").param("words", "catalog/stop-it.txt").param("ignoreCase", "true")
                .tokenFilter("italianLightStem")
                .tokenFilter("asciiFolding");
    }
}
