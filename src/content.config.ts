// Content collections of the Homelab Handbook (Starlight docs conventions).
import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

/** Collections the site reads: `docs` holds the handbook pages under src/content/docs/. */
export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  // LABS COLLECTION: the lead adds a `labs` collection here (lab files in
  // src/content/labs/*.yaml, validated by the simulator's zod Lab schema).
};
