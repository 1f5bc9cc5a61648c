import { post } from './post-step';

void post();
