"""The terms a catalog export uses beyond the elements' own: the catalog and resource classes,
govcat's bookkeeping properties, and the DCAT / DCMI Terms, FOAF, ADMS and SKOS terms of the
DCAT view. The elements' properties and node classes are in the pack's field table
(:mod:`govcatalog.rdf.plan`).
"""

from __future__ import annotations

from typing import Final

from govcatalog.rdf.terms import g, term

C_CATALOG: Final = g("InformationResourceCatalog")
C_RESOURCE: Final = g("InformationResource")
DCAT_CATALOG: Final = term("dcat", "Catalog")
DCAT_DATASET: Final = term("dcat", "Dataset")
DCAT_DISTRIBUTION: Final = term("dcat", "Distribution")
FOAF_ORG: Final = term("foaf", "Organization")
FOAF_AGENT: Final = term("foaf", "Agent")
ADMS_IDENTIFIER: Final = term("adms", "Identifier")
FREQUENCY: Final = term("dcterms", "Frequency")
MEDIA_TYPE: Final = term("dcterms", "MediaTypeOrExtent")
LICENCE_DOC: Final = term("dcterms", "LicenseDocument")
RDFS_RESOURCE: Final = term("rdfs", "Resource")
USCC: Final = g("UnifiedSocialCreditCode")

TITLE: Final = term("dcterms", "title")
DESCRIPTION: Final = term("dcterms", "description")
IDENTIFIER: Final = term("dcterms", "identifier")
ISSUED: Final = term("dcterms", "issued")
PUBLISHER: Final = term("dcterms", "publisher")
PERIODICITY: Final = term("dcterms", "accrualPeriodicity")
LICENSE: Final = term("dcterms", "license")
FORMAT: Final = term("dcterms", "format")
DTYPE: Final = term("dcterms", "type")
DATASET: Final = term("dcat", "dataset")
DISTRIBUTION: Final = term("dcat", "distribution")
ACCESS_URL: Final = term("dcat", "accessURL")
FOAF_NAME: Final = term("foaf", "name")
ADMS_ID: Final = term("adms", "identifier")
NOTATION: Final = term("skos", "notation")

# Statements that are not elements of the field table: the order of resources and items, the
# extensions without a property of their own, and links derived from the related codes.
P_POSITION: Final = g("position")
P_RELATED: Final = g("relatedResource")
P_EXTENSIONS: Final = g("extensions")
