import { dispatch } from './dispatch';

void dispatch('post');
