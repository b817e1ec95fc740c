"""The content types: frozen dataclasses built by the loader, read by every later stage."""
from generator.model.body_map import BodyMap, Label, Region, Shape
from generator.model.content import (CAUSE_GROUPS, FOLDER_KINDS, GENERATED_PAGES, LIST_PAGE_ID,
                                     PAGE_KINDS, REQUIRED_TOPICS, SERVICE_PAGES, Content, Glossary,
                                     Page, Reference, Registry, Section, Source, SourceSection,
                                     Term, WarningSign)
from generator.model.ref import Ref
from generator.model.thesaurus import SynonymGroup, Thesaurus
from generator.model.settings import Readability, Review, SiteConfig, UrgentCare, tel
from generator.model.tree import NO, NUMBER_PLACE, Answer, Outcome, Question, Scenario, Tree
from generator.model.urgency import TIERS, TIERS_BY_ID, URGENCIES, Tier
